import 'react';

declare module 'react' {
  // Lets style objects carry CSS custom properties (the grid sets its column widths this way).
  interface CSSProperties {
    [name: `--${string}`]: string | number | undefined;
  }
}
