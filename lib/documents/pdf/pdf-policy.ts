/**
 * The Content-Security-Policy a printed PDF needs. Chrome (and Edge) show a PDF through their own
 * viewer, an <embed> of the file that the file's policy governs: the pages' `object-src 'none'`
 * blocks it ("This content is blocked") and the viewer's page needs inline styles. A PDF runs no
 * script of ours. No imports: the middleware (edge runtime) may read it.
 */
export const PDF_CONTENT_SECURITY_POLICY =
  "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
