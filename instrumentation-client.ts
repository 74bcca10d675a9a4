import { z } from "zod";
import { installErrorMessages } from "@/lib/validations/error-map";

// Runs in the browser before the app's modules. Zod probes `new Function` once to compile fast
// object parsers; the Content-Security-Policy (no 'unsafe-eval') refuses it and the browser
// reports a violation, although Zod catches it. jitless skips the probe (Zod's own advice).
z.config({ jitless: true });
installErrorMessages();
