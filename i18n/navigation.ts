// Locale-aware Link, redirect and pathname helpers: `<Link href="/modules">` on an Urdu page
// points at `/ur/modules`.
import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

export const { Link, redirect, usePathname, getPathname } = createNavigation(routing);
