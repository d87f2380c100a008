/**
 * The backend refused for lack of a permission (403), e.g. `mesh-coverage.fleet.read`: a view says
 * so plainly instead of showing an error.
 */
export function isNotAllowed(error: Error | undefined): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 403;
}
