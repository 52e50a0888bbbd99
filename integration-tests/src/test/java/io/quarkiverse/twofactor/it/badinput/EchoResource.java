package io.quarkiverse.twofactor.it.badinput;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** An endpoint of the application's own that reads a body, to show that the extension leaves its errors alone. */
@Path("/test/echo")
public class EchoResource {

    @POST
    public byte[] echo(byte[] body) {
        return body;
    }
}
