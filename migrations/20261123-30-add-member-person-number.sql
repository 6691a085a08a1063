-- 人编号: the national registration system's person number (the person sheet's 人编号 column),
-- kept so that a roster exported again carries it and a re-import changes nothing. Optional:
-- members entered in Bangfu have none.
alter table member add column person_no text;
