export type NginxSiteOptions = {
  /** App processes (npm start -- --workers N), on ports basePort … basePort + processes − 1. */
  processes: number;
  basePort: number;
  /** The root domain (ROOT_DOMAIN without a port); clinics are its subdomains. */
  serverName: string;
  /** `443 ssl` by default; a plain address such as `127.0.0.1:8080` serves HTTP (the benchmark). */
  listen?: string;
  certificate?: string;
  certificateKey?: string;
};

/**
 * The nginx site in front of N app processes (deploy/nginx/clinics.conf is this for 2 processes on
 * 3000): every clinic host goes to one process, so that process's registry keeps the clinic's row
 * and connections warm, and a dead process's clinics move to the next one on the ring.
 */
export function renderNginxSite(options: NginxSiteOptions): string {
  const listen = options.listen ?? "443 ssl";
  const tls = /\bssl\b/.test(listen);
  const ports = Array.from({ length: options.processes }, (_, i) => options.basePort + i);
  const command = `npm run nginx:config -- --processes ${options.processes} --base-port ${options.basePort} --server-name ${options.serverName}${options.listen ? ` --listen "${listen}"` : ""}`;
  return [
    `# Clinic Platform behind nginx, ${options.processes} app processes (npm start -- --workers ${options.processes} --base-port ${options.basePort}).`,
    `# Written by: ${command}`,
    "#",
    "# hash $host consistent: each clinic host goes to one process; while a process is down its",
    "# clinics go to the next one on the ring and every other clinic stays where it was.",
    "upstream clinic_platform {",
    "    hash $host consistent;",
    "    # A process that refuses a connection is skipped for fail_timeout, then tried again. No",
    "    # keepalive to the processes: a draining one's closed port is refused at once, so retried.",
    ...ports.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`),
    "}",
    "",
    "server {",
    `    listen ${listen};`,
    `    server_name ${options.serverName} *.${options.serverName};`,
    ...(tls
      ? [
          `    ssl_certificate ${options.certificate ?? `/etc/ssl/certs/${options.serverName}.pem`};`,
          `    ssl_certificate_key ${options.certificateKey ?? `/etc/ssl/private/${options.serverName}.key`};`,
          '    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
        ]
      : []),
    "    location / {",
    "        proxy_pass http://clinic_platform;",
    "        proxy_set_header Host $host;",
    "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    "        proxy_set_header X-Forwarded-Proto $scheme;",
    "        # Another process gets a request this one refused (any method: it was never sent) or died",
    "        # before answering (GET, HEAD, PUT, DELETE only: nginx never sends a POST or PATCH twice, so",
    "        # that one gets a 502). Never on an answer: a 503 would read the same on every process.",
    "        proxy_next_upstream error timeout;",
    "        proxy_connect_timeout 5s;",
    "        # Documents are at most 10 MB; Next reads a whole body before the upload route can refuse it.",
    "        client_max_body_size 11m;",
    "    }",
    "}",
    "",
  ].join("\n");
}
