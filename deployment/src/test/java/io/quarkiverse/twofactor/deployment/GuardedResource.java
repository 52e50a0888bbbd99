package io.quarkiverse.twofactor.deployment;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.twofactor.RequiresConfirmation;

/** An application endpoint guarded by step-up, for the tests of what the build does with the annotation. */
@Path("/guarded")
public class GuardedResource {

    @POST
    @RequiresConfirmation("payment")
    public String pay() {
        return "paid";
    }
}
