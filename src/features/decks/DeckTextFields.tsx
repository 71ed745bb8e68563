/** A deck's title and description, with the problem of each in plain words. */
export function DeckTextFields(props: {
  title: string;
  description: string;
  onChange: (next: { title: string; description: string }) => void;
  titleError: string | null;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="deck-title">Title</label>
        <input
          id="deck-title"
          type="text"
          value={props.title}
          aria-invalid={props.titleError ? true : undefined}
          aria-describedby={props.titleError ? 'deck-title-error' : undefined}
          onChange={(e) => props.onChange({ title: e.target.value, description: props.description })}
        />
        {props.titleError && (
          <p className="field-error" id="deck-title-error">
            {props.titleError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="deck-description">Description</label>
        <textarea
          id="deck-description"
          rows={3}
          value={props.description}
          onChange={(e) => props.onChange({ title: props.title, description: e.target.value })}
        />
      </div>
    </>
  );
}

export function titleProblem(title: string): string | null {
  if (title.trim() === '') return 'Title must not be empty.';
  if (title.trim().length > 200) return 'Title is longer than 200 characters.';
  return null;
}
