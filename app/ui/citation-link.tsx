/** A numbered citation that leads to the source in the page's source list. */
export function CitationLink({ number, id }: { number: number; id?: string }) {
  return (
    <a className="citation" href={`#source-${number}`} id={id} aria-label={`source ${number}`}>
      [{number}]
    </a>
  );
}
