/**
 * Writes the site's components into MDX. A component is written only with the props its type in
 * src/components/content/props.ts allows; every prop value is a JavaScript literal (JSON), so text in props
 * renders as text, and Markdown goes in as children, where MDX renders it as Markdown.
 */
import { posix } from 'node:path';
import { COMPONENT_FILES, type ContentComponent, type ContentComponents } from '../../../src/components/content/props.ts';

const attributes = (props: object) =>
  Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}={${JSON.stringify(value)}}`)
    .join('');

/** The components one page uses, and the import lines they need. */
export class PageComponents {
  private readonly used = new Set<ContentComponent>();

  /** A component on lines of its own; its children (Markdown) between blank lines. */
  block<N extends ContentComponent>(name: N, props: ContentComponents[N], children?: string): string {
    this.used.add(name);
    return children === undefined ? `<${name}${attributes(props)} />` : `<${name}${attributes(props)}>\n\n${children}\n\n</${name}>`;
  }

  /** A component inside a line of text; its children (inline Markdown) on the same line. */
  inline<N extends ContentComponent>(name: N, props: ContentComponents[N], children?: string): string {
    this.used.add(name);
    return children === undefined ? `<${name}${attributes(props)} />` : `<${name}${attributes(props)}>${children}</${name}>`;
  }

  /** Import lines for the page at `pagePath` (under src/content/docs/), one per component it uses, in name order. */
  imports(pagePath: string): string {
    const from = posix.dirname(posix.join('src/content/docs', pagePath));
    return [...this.used]
      .sort()
      .map((name) => `import ${name} from '${posix.relative(from, posix.join('src/components', COMPONENT_FILES[name]))}';\n`)
      .join('');
  }
}
