import { describe, expect, it } from 'vitest';
import { firstInvalidOrigin, isOrigin, normalizeOrigin, originsToSend } from './origins';

describe('isOrigin', () => {
  it('accepts https origins with or without a port', () => {
    expect(isOrigin('https://h5.example.cn')).toBe(true);
    expect(isOrigin('https://h5.example.cn:8443')).toBe(true);
  });

  it('accepts plain http only for the local machine', () => {
    expect(isOrigin('http://localhost')).toBe(true);
    expect(isOrigin('http://localhost:5173')).toBe(true);
    expect(isOrigin('http://127.0.0.1:8080')).toBe(true);
    expect(isOrigin('http://h5.example.cn')).toBe(false);
  });

  it('refuses paths, other schemes, credentials and an empty host', () => {
    expect(isOrigin('https://h5.example.cn/app')).toBe(false);
    expect(isOrigin('ftp://h5.example.cn')).toBe(false);
    expect(isOrigin('https://user@h5.example.cn')).toBe(false);
    expect(isOrigin('https://')).toBe(false);
    expect(isOrigin('h5.example.cn')).toBe(false);
  });
});

describe('normalizeOrigin and originsToSend', () => {
  it('trims, lower-cases and drops the trailing slash a copied address has', () => {
    expect(normalizeOrigin(' https://H5.Example.cn/ ')).toBe('https://h5.example.cn');
  });

  it('drops blanks and repeats, keeping the order', () => {
    expect(originsToSend(['https://b.cn', ' ', 'https://a.cn', 'https://B.cn/'])).toEqual([
      'https://b.cn',
      'https://a.cn',
    ]);
  });

  it('finds the first entry the API would refuse', () => {
    expect(firstInvalidOrigin(['https://a.cn', 'http://b.cn', 'ftp://c'])).toBe('http://b.cn');
    expect(firstInvalidOrigin(['https://a.cn'])).toBeUndefined();
  });
});
