package io.quarkiverse.twofactor.deployment;

import io.quarkiverse.twofactor.runtime.devui.TwoFactorJsonRpcService;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/** The Dev UI card: the confirmations in the store, the codes held for the developer, the senders and the store. */
class DevUiProcessor {

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Confirmations")
                .icon("font-awesome-solid:shield-halved")
                .componentLink("qwc-two-factor-confirmations.js"));
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpcService() {
        return new JsonRPCProvidersBuildItem(TwoFactorJsonRpcService.class);
    }
}
