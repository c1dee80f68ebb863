"use client";
// The Suomi.fi design system's components are client components; server pages use them through
// this module. Named re-exports only (a client boundary cannot `export *`).
export {
  Alert,
  Block,
  Button,
  Heading,
  InlineAlert,
  Link,
  LoadingSpinner,
  Notification,
  Paragraph,
  SkipLink,
  Text,
  TextInput,
  VisuallyHidden,
} from "suomifi-ui-components";
