declare module 'virtual:kb/diagrams' {
  const drawn: Record<string, import('./integrations/diagrams.ts').DrawnDiagram>;
  export default drawn;
}
