import { describe, expect, it } from 'vitest';
import spec from '../../../openapi.yaml?raw';
import { isScope, SCOPES } from './scopes';

/** The scopes the OpenAPI document lists under the oauth2 client-credentials flow. */
function documentedScopes(yaml: string): string[] {
  const lines = yaml.split('\n');
  const flow = lines.findIndex((l) => l.trim() === 'clientCredentials:');
  const start = lines.findIndex((l, i) => i > flow && l.trim() === 'scopes:');
  const indent = (l: string) => l.length - l.trimStart().length;
  const found: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || indent(line) <= indent(lines[start] ?? '')) break;
    found.push(line.trim().split(': ')[0] ?? '');
  }
  return found;
}

describe('SCOPES', () => {
  it('are exactly the scopes the API documents', () => {
    expect(documentedScopes(spec).sort()).toEqual([...SCOPES].sort());
  });

  it('tells a known scope from an unknown one', () => {
    expect(isScope('events:read')).toBe(true);
    expect(isScope('fees:read')).toBe(false);
  });
});
