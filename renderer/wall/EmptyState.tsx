/** What a page says when it has nothing to show yet. */
export function EmptyState({ message }: { message: string }) {
  return (
    <div className="empty-state">
      <span>{message}</span>
    </div>
  );
}
