/** The link-preview image of an answer page: its file beside the page, and its size (src/integrations/preview-images.ts). */
export const PREVIEW = { width: 1200, height: 630, file: 'preview.jpg' } as const;
