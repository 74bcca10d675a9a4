import { isPortFree } from "../db/embedded-server";

/** The first `count` consecutive free ports from `preferred` on (app processes of one supervisor). */
export async function findFreePorts(preferred: number, count: number, attempts = 50): Promise<number[]> {
  for (let first = preferred; first < preferred + attempts; first++) {
    const ports = Array.from({ length: count }, (_, i) => first + i);
    let free = true;
    for (const port of ports) free &&= await isPortFree(port);
    if (free) return ports;
  }
  throw new Error(
    `No ${count} consecutive free ports between ${preferred} and ${preferred + attempts + count - 2}.`,
  );
}
