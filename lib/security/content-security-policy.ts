export type ContentSecurityPolicyOptions = {
  /** This response's nonce: Next puts it on its scripts when it finds it in script-src. */
  nonce: string;
  /** `next dev`: React's dev build needs eval to rebuild server error stacks in the browser. */
  dev: boolean;
  /** Origins (patterns allowed) a form on this page may post to, besides its own. */
  formTargets?: readonly string[];
};

/**
 * The policy of every page: scripts only with this response's nonce (and what they load),
 * stylesheets from this origin or with the nonce, React's `style` props, and no framing at all.
 * script-src comes first: Next takes the nonce from the first directive starting "script-src".
 */
export function buildContentSecurityPolicy({ nonce, dev, formTargets = [] }: ContentSecurityPolicyOptions) {
  const directives = [
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "default-src 'self'",
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** 128 random bits in base64, new for every response. Web Crypto: the middleware runs on the edge. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** `CSP_REPORT_ONLY=1` makes browsers report violations in their console instead of blocking. */
export function contentSecurityPolicyHeaderName(env: Partial<Record<string, string>> = process.env) {
  return env.CSP_REPORT_ONLY === "1" ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
}
