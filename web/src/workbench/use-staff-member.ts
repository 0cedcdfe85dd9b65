import { shallowRef } from 'vue';
import { currentUser } from '@/auth/session';
import { type StaffMember, staffMemberOf } from './staff';

/**
 * The signed-in member of staff, read once per page from the session (the router's guard has made sure there is one).
 */
export function useStaffMember() {
  const member = shallowRef<StaffMember>();
  const load = async (): Promise<StaffMember | undefined> => {
    const user = await currentUser('staff');
    member.value = user ? staffMemberOf(user) : undefined;
    return member.value;
  };
  return { member, load };
}
