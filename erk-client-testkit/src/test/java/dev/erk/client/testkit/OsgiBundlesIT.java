package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.jna.Native;
import com.zaxxer.nuprocess.NuProcess;
import dev.erk.client.ErkClient;
import dev.erk.client.cli.CliErkClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The api, cli and testkit jars are OSGi bundles that resolve in Apache Felix next to the bundles
 * of their dependencies (Jackson, NuProcess, JNA, JSpecify), export their public packages only, and
 * keep the client's core ({@code dev.erk.client.cli.internal}) for the testkit.
 *
 * <p>Runs after {@code package} (failsafe), on the jars the build made. NuProcess's bundle does not
 * export {@code com.zaxxer.nuprocess.internal}, which the cli uses: the test adds the fragment the
 * README's OSGi section describes.
 */
class OsgiBundlesIT {

  /** One class from each jar to install, the erk-client jars first. */
  private static final List<Class<?>> BUNDLE_CLASSES =
      List.of(
          ErkClient.class,
          CliErkClient.class,
          FakeErk.class,
          ObjectMapper.class,
          JsonFactory.class,
          com.fasterxml.jackson.annotation.JsonProperty.class,
          JavaTimeModule.class,
          NuProcess.class,
          Native.class,
          NullMarked.class);

  @TempDir Path temp;
  private Framework felix;

  @BeforeEach
  void startFelix() throws BundleException {
    felix =
        new FrameworkFactory()
            .newFramework(
                Map.of(
                    Constants.FRAMEWORK_STORAGE,
                    temp.resolve("felix-cache").toString(),
                    Constants.FRAMEWORK_STORAGE_CLEAN,
                    Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    felix.start();
  }

  @AfterEach
  void stopFelix() throws BundleException, InterruptedException {
    felix.stop();
    felix.waitForStop(0);
  }

  @Test
  void everyBundleResolves() throws Exception {
    Map<String, Bundle> bundles = installAll();
    List<Bundle> all = new ArrayList<>(bundles.values());
    if (!felix.adapt(FrameworkWiring.class).resolveBundles(all)) {
      fail("bundles did not resolve:\n" + whyUnresolved(all));
    }
    for (String name : List.of("dev.erk.client", "dev.erk.client.cli", "dev.erk.client.testkit")) {
      Bundle bundle = named(bundles, name);
      assertNotEquals("0.0.0", bundle.getVersion().toString(), name);
      assertEquals(Bundle.RESOLVED, bundle.getState(), name);
    }
  }

  @Test
  void onlyThePublicPackagesAreExportedToEveryone() throws Exception {
    Map<String, Bundle> bundles = installAll();
    felix.adapt(FrameworkWiring.class).resolveBundles(bundles.values());
    assertEquals(
        List.of("dev.erk.client", "dev.erk.client.details", "dev.erk.client.internal (mandatory)"),
        exports(named(bundles, "dev.erk.client")));
    assertEquals(
        List.of("dev.erk.client.cli", "dev.erk.client.cli.internal (mandatory)"),
        exports(named(bundles, "dev.erk.client.cli")));
    assertEquals(
        List.of("dev.erk.client.testkit", "dev.erk.client.testkit.junit"),
        exports(named(bundles, "dev.erk.client.testkit")));
  }

  @Test
  void theCoreIsWiredToTheTestkitAndRefusedToOtherBundles() throws Exception {
    Map<String, Bundle> bundles = installAll();
    Bundle other =
        felix
            .getBundleContext()
            .installBundle(
                jar(
                        "other.jar",
                        Map.of(
                            Constants.BUNDLE_SYMBOLICNAME, "some.other.bundle",
                            Constants.IMPORT_PACKAGE, "dev.erk.client.cli.internal"))
                    .toUri()
                    .toString());
    FrameworkWiring wiring = felix.adapt(FrameworkWiring.class);
    wiring.resolveBundles(bundles.values());
    assertFalse(
        wiring.resolveBundles(List.of(other)),
        "a bundle that imports dev.erk.client.cli.internal without erk-internal=testkit resolved");

    Bundle testkit = named(bundles, "dev.erk.client.testkit");
    List<String> coreProviders = new ArrayList<>();
    for (BundleWire wire :
        testkit.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
      if ("dev.erk.client.cli.internal"
          .equals(wire.getCapability().getAttributes().get("osgi.wiring.package"))) {
        coreProviders.add(wire.getProvider().getSymbolicName());
      }
    }
    assertEquals(List.of("dev.erk.client.cli"), coreProviders);
    assertTrue(
        testkit.loadClass(Recorder.class.getName()).getClassLoader()
            != Recorder.class.getClassLoader(),
        "Recorder came from the bundle, not the class path");
  }

  private Map<String, Bundle> installAll() throws Exception {
    BundleContext context = felix.getBundleContext();
    Map<String, Bundle> bundles = new TreeMap<>();
    for (Class<?> type : BUNDLE_CLASSES) {
      Bundle bundle = context.installBundle(jarOf(type).toUri().toString());
      bundles.put(bundle.getSymbolicName(), bundle);
    }
    Bundle fragment =
        context.installBundle(
            jar(
                    "nuprocess-internal.jar",
                    Map.of(
                        Constants.BUNDLE_SYMBOLICNAME, "com.zaxxer.nuprocess.internal.export",
                        Constants.FRAGMENT_HOST, "com.zaxxer.nuprocess",
                        Constants.EXPORT_PACKAGE, "com.zaxxer.nuprocess.internal"))
                .toUri()
                .toString());
    bundles.put(fragment.getSymbolicName(), fragment);
    return bundles;
  }

  private static Bundle named(Map<String, Bundle> bundles, String symbolicName) {
    Bundle bundle = bundles.get(symbolicName);
    if (bundle == null) {
      throw new AssertionError("no bundle " + symbolicName + " among " + bundles.keySet());
    }
    return bundle;
  }

  private static List<String> exports(Bundle bundle) {
    List<String> names = new ArrayList<>();
    bundle
        .adapt(BundleWiring.class)
        .getCapabilities("osgi.wiring.package")
        .forEach(
            export -> {
              String name = String.valueOf(export.getAttributes().get("osgi.wiring.package"));
              names.add(
                  export.getDirectives().containsKey("mandatory") ? name + " (mandatory)" : name);
            });
    names.sort(null);
    return names;
  }

  private static String whyUnresolved(List<Bundle> bundles) {
    StringBuilder why = new StringBuilder();
    for (Bundle bundle : bundles) {
      if (bundle.getState() != Bundle.INSTALLED) {
        continue;
      }
      try {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
          bundle.start();
        }
      } catch (BundleException e) {
        why.append(bundle.getSymbolicName()).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return why.toString();
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      fail(
          type.getName()
              + " was loaded from the directory "
              + location
              + ", not from a jar: run this test with failsafe after package (mvn verify)");
    }
    return location;
  }

  private Path jar(String name, Map<String, String> headers) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
    main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
    headers.forEach(main::putValue);
    Path jar = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream manifestOnly = new JarOutputStream(out, manifest)) {
      manifestOnly.finish();
    }
    return jar;
  }
}
