// A two-level org picker in a bottom popup: industries, streets, branches and
// stations under each district; choosing one with children shows them beside it.
import type { OrgNode } from '../../../../../typings/org';
import { type OrgChoice, orgGroups } from './options';

Component({
  properties: {
    visible: { type: Boolean, value: false },
    orgs: { type: Array, value: [] },
    value: { type: String, value: '' },
  },
  data: {
    groups: orgGroups([]),
    /** The first-level choice whose children are shown. */
    active: null as OrgChoice | null,
  },
  observers: {
    orgs(orgs: OrgNode[]) {
      this.setData({ groups: orgGroups(orgs), active: null });
    },
  },
  methods: {
    onLevel1(e: TapEvent<{ group: number; index: number }>) {
      const { group, index } = e.currentTarget.dataset;
      const choice = this.data.groups[group]?.choices[index];
      if (!choice) return;
      if (choice.children.length) this.setData({ active: choice });
      else this.pick(choice);
    },
    onLevel2(e: TapEvent<{ index: number }>) {
      const { active } = this.data;
      if (!active) return;
      const index = Number(e.currentTarget.dataset.index);
      // -1: the first-level org itself.
      this.pick(index < 0 ? active : active.children[index]);
    },
    pick(choice: OrgChoice | undefined) {
      if (!choice) return;
      this.triggerEvent('select', { id: choice.id, name: choice.name });
      this.close();
    },
    onVisibleChange(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.close();
    },
    close() {
      this.triggerEvent('close');
    },
  },
});
