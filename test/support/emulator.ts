// Starts an in-memory emulator for a test file, with the modules it asks for.
import type { EmulatorService } from '../../emulator/core/service';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';

export async function startTestEmulator(
  services: EmulatorService[],
  dataDir: string | null = null,
): Promise<RunningEmulator> {
  return startEmulator({ port: 0, dataDir, services, log: () => {} });
}
