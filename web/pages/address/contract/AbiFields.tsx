// What Read contract and Write contract share: the verified ABI's function entries, their
// signature, and the text fields of their arguments (one per input, labelled with its name
// and Solidity type, with the reason when the Write tab refused it).
import { useTranslation } from 'react-i18next';
import type { AbiParam, InputProblem } from '../../../lib/abi-input';

export interface AbiFn { type: string; name?: string; stateMutability?: string; inputs?: AbiParam[]; outputs?: AbiParam[] }

export const signature = (f: AbiFn) => `${f.name}(${(f.inputs ?? []).map((p) => p.type).join(',')})`;

/** A refused argument, in the reader's language. */
export function useProblemText() {
  const { t } = useTranslation('explorer');
  return (p: InputProblem, type: string) => {
    const key = p.code === 'array' && p.length !== undefined ? 'arrayLength' : p.code;
    const text = t(`write.input.${key}`, { ...p, type });
    return p.at ? t('write.input.at', { at: p.at, text }) : text;
  };
}

export function ArgFields({ idPrefix, inputs, values, onChange, problems }: {
  idPrefix: string;
  inputs: AbiParam[];
  values: string[];
  onChange: (values: string[]) => void;
  problems?: (InputProblem | undefined)[];
}) {
  const describe = useProblemText();
  return inputs.map((p, i) => {
    const problem = problems?.[i];
    const errorId = `${idPrefix}-arg-${i}-error`;
    return (
      <label key={i} className="field">
        <span>
          {p.name || `#${i}`} <span className="muted mono">({p.type})</span>
        </span>
        <input
          className="mono" value={values[i]} spellCheck={false} autoComplete="off" placeholder={p.type}
          onChange={(e) => onChange(values.map((a, j) => (j === i ? e.target.value : a)))}
          aria-invalid={problem ? true : undefined} aria-describedby={problem ? errorId : undefined}
        />
        {problem && <span className="field-error" id={errorId} data-testid="arg-error">{describe(problem, p.type)}</span>}
      </label>
    );
  });
}
