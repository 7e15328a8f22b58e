import { describe, expect, it } from 'vitest';
import { affiliation, dateInWords, describeRoles, withIndefinite } from '../../src/core/wording.ts';

describe('affiliation', () => {
  it('takes the organisation a description ties someone to', () => {
    expect(affiliation('a professor of marine biology at Tessel State University')).toBe('Tessel State University');
    expect(affiliation('the chief executive of the Marlow Harbour Trust and a former councillor')).toBe('Marlow Harbour Trust');
    expect(affiliation('an engineer at Brightwave')).toBe('Brightwave');
    expect(affiliation('the director of the Institute for Coastal Studies in Norway')).toBe('Institute for Coastal Studies in Norway');
  });

  it('does not take a person, a possessive or a bare modifier for an organisation', () => {
    expect(affiliation('a former aide to President Ann Holt')).toBeNull();
    expect(affiliation("the architect of Holt's 2019 campaign")).toBeNull();
    expect(affiliation('a senior Holt adviser')).toBeNull();
    expect(affiliation('a spokesman')).toBeNull();
  });
});

describe('describeRoles', () => {
  it('reads party, office and state codes as words', () => {
    expect(describeRoles(['Rep.', 'D-Ill.'])).toBe('a Democratic representative from Illinois');
  });
});

describe('withIndefinite', () => {
  it('puts a or an before a bare lower-case description, by sound', () => {
    expect(withIndefinite('union president')).toBe('a union president');
    expect(withIndefinite('engineer at the plant')).toBe('an engineer at the plant');
    expect(withIndefinite('hourly worker')).toBe('an hourly worker');
    expect(withIndefinite('the mayor')).toBe('the mayor');
    expect(withIndefinite('Assistant Secretary')).toBe('Assistant Secretary');
  });

  it('reads an honorific kept as a role in words', () => {
    expect(describeRoles(['Dr.'])).toBe('a doctor');
  });
});

describe('dateInWords', () => {
  it('writes dates, clock times and the midnight that ends a day in words', () => {
    expect(dateInWords('2025-09-12')).toBe('Friday, September 12, 2025');
    expect(dateInWords('2025-09-12T10:30')).toBe('Friday, September 12, 2025, 10:30');
    expect(dateInWords('2025-09-12T24:00')).toBe('midnight at the end of Friday, September 12, 2025');
  });
});
