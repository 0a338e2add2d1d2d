import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

/** A measure of `Indicators` as the dashboard offers it. */
export interface MeasureInfo {
  name: string;
  /** The subgraph (agency) that answers it, lower case. */
  agency: string;
  /** What it counts: the field's description without the disclosure sentence every one ends with. */
  description: string;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * The measures of a supergraph: the fields of `Indicators` whose type is `IndicatorTable`, in the
 * supergraph's order, each with the graph that resolves it (its `@join__field(graph:)`).
 */
export function measuresOfSupergraph(supergraphSdl: string): MeasureInfo[] {
  const indicators = parse(supergraphSdl).definitions.find(
    (definition): definition is ObjectTypeDefinitionNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Indicators',
  );
  if (!indicators) throw new Error('The supergraph has no Indicators type');
  return (indicators.fields ?? [])
    .filter((field) => namedType(field.type) === 'IndicatorTable')
    .map((field) => {
      const join = field.directives?.find((d) => d.name.value === 'join__field');
      const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      return {
        name: field.name.value,
        agency: graph?.kind === Kind.ENUM ? graph.value.toLowerCase() : 'unknown',
        description: (field.description?.value ?? '').replace(/\s*Counts perturbed by .*$/s, ''),
      };
    });
}
