/** The site's base path (BASE_PATH), with one leading and one trailing slash: "kb" and "/kb" are "/kb/". */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
