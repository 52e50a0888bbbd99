package io.quarkiverse.twofactor.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.spi.DeploymentException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.runtime.CodeHasher;
import io.quarkiverse.twofactor.runtime.DefaultConfirmer;
import io.quarkiverse.twofactor.runtime.DefaultReactiveConfirmer;
import io.quarkiverse.twofactor.runtime.ExpiredCleanup;
import io.quarkiverse.twofactor.runtime.MessageLanguages;
import io.quarkiverse.twofactor.runtime.SecureRandomCodeGenerator;
import io.quarkiverse.twofactor.runtime.SenderRegistry;
import io.quarkiverse.twofactor.runtime.StoreClock;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.TwoFactorBuildTimeConfig;
import io.quarkiverse.twofactor.runtime.destination.DefaultDestinations;
import io.quarkiverse.twofactor.runtime.destination.DestinationStoreSelector;
import io.quarkiverse.twofactor.runtime.rest.AuthenticatorsResource;
import io.quarkiverse.twofactor.runtime.rest.CallerLimits;
import io.quarkiverse.twofactor.runtime.rest.DebugCodeResponse;
import io.quarkiverse.twofactor.runtime.rest.DestinationsResource;
import io.quarkiverse.twofactor.runtime.rest.RecoveryCodesResource;
import io.quarkiverse.twofactor.runtime.rest.RefusalProblems;
import io.quarkiverse.twofactor.runtime.rest.RequiresConfirmationInterceptor;
import io.quarkiverse.twofactor.runtime.rest.RestCaller;
import io.quarkiverse.twofactor.runtime.rest.TwoFactorResource;
import io.quarkiverse.twofactor.runtime.rest.UserMethods;
import io.quarkiverse.twofactor.runtime.sender.LogSenderBackend;
import io.quarkiverse.twofactor.runtime.store.HibernateOrmAuthenticatorStore;
import io.quarkiverse.twofactor.runtime.store.HibernateOrmConfirmationStore;
import io.quarkiverse.twofactor.runtime.store.HibernateOrmDestinationStore;
import io.quarkiverse.twofactor.runtime.store.MemoryAuthenticatorStore;
import io.quarkiverse.twofactor.runtime.store.MemoryConfirmationStore;
import io.quarkiverse.twofactor.runtime.store.MemoryDestinationStore;
import io.quarkiverse.twofactor.runtime.store.StorePersistenceUnit;
import io.quarkiverse.twofactor.runtime.totp.AuthenticatorStoreSelector;
import io.quarkiverse.twofactor.runtime.totp.DefaultAuthenticators;
import io.quarkiverse.twofactor.runtime.totp.DefaultRecoveryCodes;
import io.quarkiverse.twofactor.runtime.totp.TotpSecrets;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.gizmo.ResultHandle;
import io.quarkus.hibernate.orm.deployment.spi.AdditionalJpaModelBuildItem;
import io.quarkus.resteasy.reactive.spi.GeneratedJaxRsResourceBuildItem;
import io.quarkus.resteasy.reactive.spi.GeneratedJaxRsResourceGizmoAdaptor;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.deployment.ForceStartSchedulerBuildItem;

class TwoFactorProcessor {

    private static final String FEATURE = "two-factor";
    // Named, not referenced: the JPA annotations on them are not on this module's class path.
    private static final List<String> ENTITIES = List.of("io.quarkiverse.twofactor.runtime.store.ConfirmationEntity",
            "io.quarkiverse.twofactor.runtime.store.SendWindowEntity",
            "io.quarkiverse.twofactor.runtime.store.FailureCountEntity",
            "io.quarkiverse.twofactor.runtime.store.SendLogEntity",
            "io.quarkiverse.twofactor.runtime.store.DestinationEntity",
            "io.quarkiverse.twofactor.runtime.store.AuthenticatorEntity",
            "io.quarkiverse.twofactor.runtime.store.TotpStepEntity",
            "io.quarkiverse.twofactor.runtime.store.RecoveryCodeEntity");
    private static final String OPENAPI_RESPONSES = "org.eclipse.microprofile.openapi.annotations.responses.";
    private static final DotName REQUIRES_CONFIRMATION = DotName.createSimple(RequiresConfirmation.class);
    private static final DotName INTERCEPTOR = DotName.createSimple(RequiresConfirmationInterceptor.class);
    static final String GENERATED_RESOURCE = "io.quarkiverse.twofactor.runtime.rest.TwoFactorEndpoints";
    static final String GENERATED_DESTINATIONS_RESOURCE = "io.quarkiverse.twofactor.runtime.rest.TwoFactorDestinationEndpoints";
    static final String GENERATED_AUTHENTICATORS_RESOURCE = "io.quarkiverse.twofactor.runtime.rest.TwoFactorAuthenticatorEndpoints";
    static final String GENERATED_RECOVERY_CODES_RESOURCE = "io.quarkiverse.twofactor.runtime.rest.TwoFactorRecoveryCodeEndpoints";
    private static final String REST_PROPERTY = "quarkus.two-factor.rest.enabled";
    // Named, not referenced: it uses Quarkus security, which the application may not have.
    private static final String SECURITY_CALLER_IDENTITY = "io.quarkiverse.twofactor.runtime.rest.SecurityCallerIdentity";
    /** What each resource's constructor takes, in order. */
    private static final Class<?>[] ENDPOINT_DEPENDENCIES = { Confirmer.class, ReactiveConfirmer.class,
            DebugCodeResponse.class, RestCaller.class, Destinations.class, SenderRegistry.class, CallerLimits.class,
            MessageLanguages.class };
    private static final Class<?>[] DESTINATIONS_DEPENDENCIES = { DebugCodeResponse.class, UserMethods.class,
            Destinations.class, SenderRegistry.class, CallerLimits.class };
    private static final Class<?>[] AUTHENTICATORS_DEPENDENCIES = { UserMethods.class, Authenticators.class };
    private static final Class<?>[] RECOVERY_CODES_DEPENDENCIES = { UserMethods.class, RecoveryCodes.class };

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem beans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(DefaultConfirmer.class, DefaultReactiveConfirmer.class, CodeHasher.class,
                        SecureRandomCodeGenerator.class, SenderRegistry.class, MessageLanguages.class, Outbox.class,
                        LogSenderBackend.class, StoreSelector.class,
                        StoreClock.class, MemoryConfirmationStore.class, ExpiredCleanup.class,
                        DefaultDestinations.class, DestinationStoreSelector.class, MemoryDestinationStore.class,
                        DefaultAuthenticators.class, DefaultRecoveryCodes.class, TotpSecrets.class,
                        AuthenticatorStoreSelector.class, MemoryAuthenticatorStore.class)
                .setUnremovable()
                .build();
    }

    @BuildStep
    NativeImageResourcePatternsBuildItem messageLanguageFiles() {
        // The language files are read by name at startup, which a native image sees only when they are included.
        return NativeImageResourcePatternsBuildItem.builder().includeGlob("two-factor/messages_*.properties").build();
    }

    @BuildStep
    ForceStartSchedulerBuildItem cleanupScheduler() {
        // The clean-up job is scheduled programmatically, which the scheduler does not detect on its own.
        return new ForceStartSchedulerBuildItem();
    }

    @BuildStep
    void hibernateOrmStore(TwoFactorBuildTimeConfig config, Capabilities capabilities,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<AdditionalJpaModelBuildItem> jpaModels) {
        // Hibernate ORM is optional: without it the stores do not exist and no entity is added.
        if (capabilities.isMissing(Capability.HIBERNATE_ORM)) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(StorePersistenceUnit.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(HibernateOrmConfirmationStore.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(HibernateOrmDestinationStore.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(HibernateOrmAuthenticatorStore.class));
        String persistenceUnit = config.hibernateOrm().persistenceUnit();
        for (String entity : ENTITIES) {
            jpaModels.produce(new AdditionalJpaModelBuildItem(entity, Set.of(persistenceUnit)));
        }
    }

    @BuildStep
    void restEndpoints(TwoFactorBuildTimeConfig config, Capabilities capabilities,
            BuildProducer<AdditionalIndexedClassesBuildItem> indexed, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<GeneratedJaxRsResourceBuildItem> resources) {
        if (!config.rest().enabled()) {
            return;
        }
        // Quarkus REST's own capability: Capability.REST is any JAX-RS server, RESTEasy Classic included.
        if (capabilities.isMissing(Capability.RESTEASY_REACTIVE)) {
            throw new ConfigurationException(REST_PROPERTY + "=true, but the REST endpoints need Quarkus REST:"
                    + " add the extension io.quarkus:quarkus-rest, or remove " + REST_PROPERTY
                    + " and use the Java API (an application on RESTEasy Classic cannot have Quarkus REST as well)",
                    Set.of(REST_PROPERTY));
        }
        indexed.produce(new AdditionalIndexedClassesBuildItem(TwoFactorResource.class.getName(),
                DestinationsResource.class.getName(), AuthenticatorsResource.class.getName(),
                RecoveryCodesResource.class.getName()));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(DebugCodeResponse.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(UserMethods.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(RestCaller.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(CallerLimits.class));
        // Only with a security extension: without one, identity mode fails at startup and no security class loads.
        if (capabilities.isPresent(Capability.SECURITY)) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(SECURITY_CALLER_IDENTITY).setUnremovable().build());
        }
        // Problem bodies for what Quarkus REST refuses before an endpoint method runs, such as a Content-Type it cannot
        // parse; the mapper keeps to the extension's endpoints.
        indexed.produce(new AdditionalIndexedClassesBuildItem(RefusalProblems.class.getName()));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(RefusalProblems.class));
        String path = config.rest().path();
        String under = path.endsWith("/") ? path : path + "/";
        generateEndpoints(resources, GENERATED_RESOURCE, TwoFactorResource.class, path, ENDPOINT_DEPENDENCIES);
        generateEndpoints(resources, GENERATED_DESTINATIONS_RESOURCE, DestinationsResource.class,
                under + "destinations", DESTINATIONS_DEPENDENCIES);
        generateEndpoints(resources, GENERATED_AUTHENTICATORS_RESOURCE, AuthenticatorsResource.class,
                under + "authenticators", AUTHENTICATORS_DEPENDENCIES);
        generateEndpoints(resources, GENERATED_RECOVERY_CODES_RESOURCE, RecoveryCodesResource.class,
                under + "recovery-codes", RECOVERY_CODES_DEPENDENCIES);
    }

    /**
     * The responses every operation of a resource class may give, declared once on the class. SmallRye OpenAPI reads
     * class-level responses from the class that carries {@code @Path} only, so the generated subclass repeats them;
     * read from the class's bytes, since the annotations' own classes are optional at build time.
     */
    private static List<AnnotationInstance> openApiResponsesOf(Class<?> resource) {
        try {
            return Index.of(resource).getClassByName(resource).declaredAnnotations().stream()
                    .filter(annotation -> annotation.name().toString().startsWith(OPENAPI_RESPONSES)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the annotations of " + resource.getName(), e);
        }
    }

    /**
     * A subclass that only adds the configured {@code @Path} (JAX-RS reads class paths from annotations alone) and an
     * injecting constructor, since the generated class cannot reach package-private members of its parent.
     */
    private static void generateEndpoints(BuildProducer<GeneratedJaxRsResourceBuildItem> resources, String className,
            Class<?> superClass, String path, Class<?>[] dependencies) {
        try (ClassCreator endpoints = ClassCreator.builder()
                .classOutput(new GeneratedJaxRsResourceGizmoAdaptor(resources))
                .className(className)
                .superClass(superClass)
                .build()) {
            endpoints.addAnnotation(Path.class).addValue("value", path);
            endpoints.addAnnotation(Singleton.class);
            openApiResponsesOf(superClass).forEach(endpoints::addAnnotation);
            MethodCreator constructor = endpoints.getMethodCreator(MethodDescriptor.INIT, void.class,
                    (Object[]) dependencies);
            constructor.addAnnotation(Inject.class);
            ResultHandle[] arguments = new ResultHandle[dependencies.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = constructor.getMethodParam(i);
            }
            constructor.invokeSpecialMethod(MethodDescriptor.ofConstructor(superClass, (Object[]) dependencies),
                    constructor.getThis(), arguments);
            constructor.returnVoid();
        }
    }

    /**
     * Guards {@link RequiresConfirmation} methods with the interceptor, which needs the current user from a security
     * extension and answers refusals through JAX-RS, on Quarkus REST or RESTEasy Classic. Without either, or with a
     * purpose no confirmation can have, the build fails: the annotation must never be silently ignored, which would
     * leave the method unguarded.
     */
    @BuildStep
    void stepUp(Capabilities capabilities, CombinedIndexBuildItem index, BuildProducer<AdditionalBeanBuildItem> beans) {
        List<String> uses = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (AnnotationInstance annotation : index.getIndex().getAnnotations(REQUIRES_CONFIRMATION)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.CLASS
                    && annotation.target().asClass().name().equals(INTERCEPTOR)) {
                // The interceptor's own binding, when the index holds it.
                continue;
            }
            String target = describe(annotation.target());
            uses.add(target);
            String purpose = annotation.value().asString();
            try {
                Binding.checkPurpose(purpose);
            } catch (IllegalArgumentException e) {
                errors.add("@RequiresConfirmation(\"" + purpose + "\") on " + target + ": " + e.getMessage());
            }
        }
        // Quarkus REST or RESTEasy Classic: both send the refusals the interceptor throws.
        boolean jaxRs = capabilities.isPresent(Capability.REST);
        if (!uses.isEmpty() && !jaxRs) {
            errors.add("@RequiresConfirmation on " + String.join(", ", uses) + " guards JAX-RS resource methods:"
                    + " add io.quarkus:quarkus-rest, or io.quarkus:quarkus-resteasy for RESTEasy Classic");
        }
        if (!uses.isEmpty() && capabilities.isMissing(Capability.SECURITY)) {
            errors.add("@RequiresConfirmation on " + String.join(", ", uses) + " needs to know the signed-in user:"
                    + " add a Quarkus security extension, such as quarkus-elytron-security-properties-file,"
                    + " quarkus-security-jpa, quarkus-oidc or quarkus-smallrye-jwt");
        }
        if (!errors.isEmpty()) {
            throw new DeploymentException(String.join("\n", errors));
        }
        if (jaxRs && capabilities.isPresent(Capability.SECURITY)) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses(RequiresConfirmation.class, RequiresConfirmationInterceptor.class)
                    .build());
        }
    }

    private static String describe(AnnotationTarget target) {
        return switch (target.kind()) {
            case METHOD -> target.asMethod().declaringClass().name() + "#" + target.asMethod().name();
            case CLASS -> target.asClass().name().toString();
            default -> target.toString();
        };
    }
}
