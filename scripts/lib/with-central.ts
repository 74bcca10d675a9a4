import { type CentralDb, createCentralClient } from "../../lib/db/central";
import { connectPlatformDatabase, prepareCentralDatabase } from "../../lib/db/platform";
import { getSecretsKey } from "../../lib/tenancy/secrets";
import { ensureDefaultServer } from "../../lib/tenancy/servers";

/**
 * For operator scripts: the platform's central database (DATABASE_URL, or the embedded server of
 * `.data/`), migrated and with its default server recorded; everything is closed afterwards.
 */
export async function withCentral<T>(
  work: (central: CentralDb, centralUrl: string) => Promise<T>,
): Promise<T> {
  getSecretsKey(); // refuse before touching anything when the key is missing
  const platform = await connectPlatformDatabase({});
  const central = createCentralClient(platform.centralUrl, 3);
  try {
    await prepareCentralDatabase(platform.centralUrl);
    await ensureDefaultServer(central, platform.centralUrl);
    return await work(central, platform.centralUrl);
  } finally {
    await central.$disconnect();
    await platform.embedded?.stop();
  }
}
