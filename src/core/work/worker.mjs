// Entry of a work thread. Plain JavaScript so it starts the same under `npx lede`, `tsx` and
// vitest: it registers tsx in this thread itself, then runs the TypeScript thread loop.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
