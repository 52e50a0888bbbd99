package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/** The demo's users sign in with HTTP Basic or through the page's form, which answers without redirects. */
@QuarkusTest
class SignInTest {

    private static final String SESSION_COOKIE = "quarkus-credential";

    @Test
    void basicCredentialsSignEachDemoUserIn() {
        given().auth().preemptive().basic("alice", "alice").get("/demo/me").then().statusCode(200).body(equalTo("alice"));
        given().auth().preemptive().basic("bob", "bob").get("/demo/me").then().statusCode(200).body(equalTo("bob"));
    }

    @Test
    void basicCredentialsWithAWrongPasswordAreRefused() {
        given().auth().preemptive().basic("alice", "bob").get("/demo/me").then().statusCode(401);
    }

    @Test
    void anonymousCallerIsNotSignedIn() {
        given().get("/demo/me").then().statusCode(401);
    }

    @Test
    void formSignInAnswers200WithASessionCookieThatSignsTheUserIn() {
        Response signIn = formSignIn("alice", "alice");
        signIn.then().statusCode(200).header("Location", nullValue());
        Cookie session = signIn.detailedCookie(SESSION_COOKIE);
        assertFalse(session.getValue().isEmpty());

        given().cookie(SESSION_COOKIE, session.getValue()).get("/demo/me").then().statusCode(200).body(equalTo("alice"));
    }

    /** Nor does it ask for Basic credentials, which would make the browser open its own sign-in dialog. */
    @Test
    void formSignInWithAWrongPasswordAnswers401WithoutRedirectOrCookie() {
        Response signIn = formSignIn("bob", "alice");
        signIn.then().statusCode(401).header("Location", nullValue()).header("WWW-Authenticate", nullValue());
        assertEquals(null, signIn.detailedCookie(SESSION_COOKIE));
    }

    @Test
    void signOutExpiresTheSessionCookie() {
        String session = formSignIn("alice", "alice").then().statusCode(200).extract().cookie(SESSION_COOKIE);

        Response signOut = given().cookie(SESSION_COOKIE, session).post("/demo/sign-out");
        signOut.then().statusCode(204);
        Cookie expired = signOut.detailedCookie(SESSION_COOKIE);
        assertEquals("", expired.getValue());
        assertEquals(0, expired.getMaxAge());
        assertEquals("/", expired.getPath());
    }

    private static Response formSignIn(String user, String password) {
        return given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
    }
}
