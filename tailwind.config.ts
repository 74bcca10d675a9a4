import type { Config } from "tailwindcss";
import colors from "tailwindcss/colors";

// Tailwind 4 finds class names on its own; this file only carries the theme (loaded via @config).
export default {
  theme: {
    extend: {
      colors: {
        brand: colors.teal,
      },
      fontFamily: {
        // The machine is offline: system fonts only, never a web font.
        sans: [
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "Noto Sans",
          "sans-serif",
        ],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"],
      },
    },
  },
} satisfies Config;
