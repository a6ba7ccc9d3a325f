// The CLI's client: credentials from GENESYS_* variables, with a readable error when they are missing.
import { GenesysClient } from '../client/client.js';
import { UsageError } from './args.js';
import { isValidationError } from '../errors/index.js';

export function clientFromEnv(): GenesysClient {
  try {
    return GenesysClient.fromEnv();
  } catch (error) {
    if (isValidationError(error)) {
      throw new UsageError(
        `${error.message}\nSet GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION (or GENESYS_API_BASE_URL and GENESYS_LOGIN_BASE_URL); \`genesys-routing emulator\` prints a set for a local emulator.`,
      );
    }
    throw error;
  }
}
