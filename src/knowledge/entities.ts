// Old path of the entity extractor, kept only while quotes.ts (being moved on another branch)
// still imports it: new code imports './entities/index.ts'. Delete once nothing imports this.
export * from './entities/index.ts';
