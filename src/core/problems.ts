/** A problem found in user data: where it is (file, line, field) and what is wrong. */
export interface Problem {
  file: string;
  line?: number;
  /** Dotted path of the field, e.g. "capabilities.primary[1]"; empty for the whole file. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}:${field} ${p.message}${p.severity === 'warning' ? ' (warning)' : ''}`;
}

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
