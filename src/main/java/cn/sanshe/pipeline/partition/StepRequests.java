package cn.sanshe.pipeline.partition;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.support.converter.MessageConversionException;
import org.springframework.jms.support.converter.MessageConverter;

/**
 * A partition request on the wire: {@code <step name> <step execution id>} as a text message, so
 * no Java serialization crosses the broker (Artemis refuses object messages it was not told to
 * trust, and a text is what an operator can read in the broker's console).
 */
final class StepRequests implements MessageConverter {

    @Override
    public Message toMessage(Object object, Session session) throws JMSException {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("not a partition request: " + object);
        }
        return session.createTextMessage(request.getStepName() + " " + request.getStepExecutionId());
    }

    @Override
    public Object fromMessage(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null
                || !text.getText().matches("[A-Za-z0-9_.-]+ \\d+")) {
            throw new MessageConversionException("not a partition request: " + message);
        }
        String[] parts = text.getText().split(" ");
        return new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
    }
}
