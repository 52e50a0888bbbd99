package io.quarkiverse.twofactor.it.identity;

import java.util.List;

import io.quarkiverse.twofactor.it.delivery.DeliveryStandIns;

/** Identity mode with the senders of {@link DeliveryStandIns}, among them {@code twilio-async}. */
public class AsyncDeliveryIdentityProfile extends IdentityModeProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DeliveryStandIns.class));
    }
}
