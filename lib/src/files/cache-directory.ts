import os from "node:os";
import path from "node:path";

/** Environment variable naming the folder of the course's download cache. */
const CACHE_DIRECTORY_ENV_VAR = "REDES_NEURAIS_CACHE";

/**
 * The course's download cache (SDSS samples, Galaxy10, VGG16 weights):
 * `$REDES_NEURAIS_CACHE`, else `$XDG_CACHE_HOME/redes-neurais`, else `~/.cache/redes-neurais`.
 */
export function courseCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CACHE_DIRECTORY_ENV_VAR];
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), ".cache"), "redes-neurais");
}
