import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/**
 * A page loaded with its route (its own chunk, fetched on first visit) instead of with the app,
 * so that the first screen, the phone mode's above all, downloads only what it draws.
 */
export function lazyPage<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
