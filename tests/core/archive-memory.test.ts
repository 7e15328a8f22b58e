import { MemoryArchive } from '../../src/core/archive/memory.ts';
import { archiveContract } from './archive-contract.ts';

archiveContract('in-memory', { open: () => new MemoryArchive() });
