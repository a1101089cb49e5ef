/** A data table's head: one column header per label, in order. */
export function ColumnHeaders(props: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.labels.map((label, index) => (
          <th scope="col" key={index}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
