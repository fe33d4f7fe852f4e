/**
 * A page's link-preview image: its file beside the page (the home page, each topic and each answer page have
 * one; src/integrations/preview-images.ts), and its size.
 */
export const PREVIEW = { width: 1200, height: 630, file: 'preview.jpg' } as const;
