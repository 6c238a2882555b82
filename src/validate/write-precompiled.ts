/** Build step (`npm run build`): writes the standalone schema validator next to the compiled code. */
import { writeAtomic } from '../output/write.js';
import { PRECOMPILED_PATH, standaloneValidatorSource } from './precompiled.js';

await writeAtomic(PRECOMPILED_PATH, standaloneValidatorSource());
