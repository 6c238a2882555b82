/** Build step (`npm run build`, after the compiled validator): writes `dist/build-id.json`. */
import { writeAtomic } from '../output/write.js';
import { BUILD_ID_PATH, distBuildId } from './build-id.js';

await writeAtomic(BUILD_ID_PATH, `${JSON.stringify({ buildId: await distBuildId() })}\n`);
