// Old path, kept only while core/ask.ts (being moved on another branch) imports it: new code
// imports isFirstName from 'knowledge/entities/index.ts'. Delete once nothing imports this.
export { isFirstName } from '../entities/index.ts';
