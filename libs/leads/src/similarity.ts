import { distance } from 'fastest-levenshtein';

/**
 * How alike two normalized texts are, from 0 (nothing alike) to 1 (equal): one less the Levenshtein
 * distance over the longer length. Two empty texts say nothing about a person, so they are 0.
 */
export const similarity = (a: string, b: string): number => {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  return 1 - distance(a, b) / longer;
};
