package cn.sanshe.pipeline.ingest.read;

import cn.sanshe.pipeline.ingest.read.XlsxCapture.NotPlain;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared strings, as fastexcel reads them: each {@code <si>}'s text is the text of its
 * {@code <t>} elements (the runs of rich text), without its phonetic guide ({@code <rPh>}).
 */
final class XlsxStringsCapture implements XlsxCapture.Part {

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inString;
    /** Depth of the {@code <t>} being read, 0 outside one: inside it, all text counts, whatever the markup. */
    private int textDepth;
    private int phoneticDepth;

    @Override
    public void start(XMLStreamReader xml, String name, int depth) throws NotPlain {
        if (textDepth > 0) {
            return;
        }
        switch (name) {
            case "si" -> {
                if (inString) {
                    throw new NotPlain();
                }
                inString = true;
                text.setLength(0);
            }
            case "rPh" -> {
                if (phoneticDepth > 0) {
                    throw new NotPlain();
                }
                if (inString) {
                    phoneticDepth = depth;
                }
            }
            case "t" -> {
                if (inString && phoneticDepth == 0) {
                    textDepth = depth;
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void end(String name, int depth) {
        if (textDepth > 0) {
            if (depth == textDepth) {
                textDepth = 0;
            }
        } else if (phoneticDepth > 0) {
            if (depth == phoneticDepth) {
                phoneticDepth = 0;
            }
        } else if (inString && "si".equals(name)) {
            strings.add(text.toString());
            inString = false;
        }
    }

    @Override
    public boolean wantsText() {
        return textDepth > 0;
    }

    @Override
    public void text(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    List<String> strings() {
        return strings;
    }
}
