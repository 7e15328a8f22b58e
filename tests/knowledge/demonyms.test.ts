import { describe, expect, it } from 'vitest';
import { countryOfDemonym } from '../../src/knowledge/entities/demonyms.ts';

describe('countryOfDemonym', () => {
  it('finds the country a nationality word shares its stem with', () => {
    expect(countryOfDemonym('Mexican')).toBe('Mexico');
    expect(countryOfDemonym('Chinese')).toBe('China');
    expect(countryOfDemonym('Nigerian')).toBe('Nigeria');
    expect(countryOfDemonym('Austrian')).toBe('Austria');
    expect(countryOfDemonym('Australians')).toBe('Australia');
  });

  it('knows the nationality words that do not share a stem, and nothing else', () => {
    expect(countryOfDemonym('Swiss')).toBe('Switzerland');
    expect(countryOfDemonym('French')).toBe('France');
    expect(countryOfDemonym('Hispanic')).toBeNull();
    expect(countryOfDemonym('Christian')).toBeNull();
  });
});
