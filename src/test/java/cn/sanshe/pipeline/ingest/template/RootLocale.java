package cn.sanshe.pipeline.ingest.template;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class under {@link Locale#ROOT}, so results do not depend on the machine, and puts
 * the machine's locale back afterwards for the tests that follow in the same JVM.
 */
public final class RootLocale implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RootLocale.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("previous", Locale.getDefault());
        Locale.setDefault(Locale.ROOT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Locale.setDefault(context.getStore(NAMESPACE).get("previous", Locale.class));
    }
}
