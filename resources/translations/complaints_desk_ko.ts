<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActionAnswerDialog</name>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>처리 결과(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Tell the petitioner by:</source>
        <translation>통지 방법(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>답변 내용(&amp;A):</translation>
    </message>
    <message>
        <source>Reasons for the re&amp;jection:</source>
        <translation>거부 사유(&amp;J):</translation>
    </message>
    <message>
        <source>Re&amp;medies:</source>
        <translation>불복 구제 절차(&amp;M):</translation>
    </message>
    <message>
        <source>Make the result &amp;notice (PDF) to send</source>
        <translation>결과 통지서(PDF) 만들기(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ActionAssignDialog</name>
    <message>
        <source>Assign an officer</source>
        <translation>담당자 지정</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>담당자(&amp;O):</translation>
    </message>
</context>
<context>
    <name>ActionClockResumeDialog</name>
    <message>
        <source>Resume the clock</source>
        <translation>처리기간 재개</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Stopped since:</source>
        <translation>정지 시작:</translation>
    </message>
    <message>
        <source>New due date:</source>
        <translation>새 처리기한:</translation>
    </message>
</context>
<context>
    <name>ActionClockStopDialog</name>
    <message>
        <source>Stop the clock</source>
        <translation>처리기간 정지</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
</context>
<context>
    <name>ActionCloseDialog</name>
    <message>
        <source>Close the case</source>
        <translation>민원 종결</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>종결 사유(&amp;R):</translation>
    </message>
</context>
<context>
    <name>ActionContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>민원인 연락 기록</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>연락 방법(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;What was said:</source>
        <translation>연락 내용(&amp;W):</translation>
    </message>
</context>
<context>
    <name>ActionDecideDialog</name>
    <message>
        <source>Decide the proposal</source>
        <translation>제안 채택 여부 결정</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>결정:</translation>
    </message>
    <message>
        <source>&amp;Adopted</source>
        <translation>채택(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Not adopted</source>
        <translation>불채택(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Carried out from:</source>
        <translation>시행 예정일(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>사유(&amp;R):</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Please fill this in.</source>
        <translation>이 항목을 입력해 주세요.</translation>
    </message>
</context>
<context>
    <name>ActionExtendDialog</name>
    <message>
        <source>Extend the deadline</source>
        <translation>처리기간 연장</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>연장 사유(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Explanation:</source>
        <translation>구체적 사유(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Extend by:</source>
        <translation>연장 기간(&amp;X):</translation>
    </message>
    <message>
        <source>The petitioner &amp;consents (needed for a second extension)</source>
        <translation>민원인이 동의함(두 번째 연장에 필요)(&amp;C)</translation>
    </message>
    <message>
        <source>New due date:</source>
        <translation>새 처리기한:</translation>
    </message>
    <message>
        <source>Make the extension &amp;notice (PDF) to send</source>
        <translation>처리기간 연장 통지서(PDF) 만들기(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ActionMergeDialog</name>
    <message>
        <source>Merge as a duplicate</source>
        <translation>중복 민원 병합</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Receipt number of the case to keep:</source>
        <translation>남길 민원의 접수번호(&amp;R):</translation>
    </message>
    <message>
        <source>Case found:</source>
        <translation>찾은 민원:</translation>
    </message>
</context>
<context>
    <name>ActionRouteDialog</name>
    <message>
        <source>Route to a department</source>
        <translation>부서 배정</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>처리부서(&amp;D):</translation>
    </message>
    <message>
        <source>Transfer due:</source>
        <translation>이송 기한:</translation>
    </message>
</context>
<context>
    <name>ActionSatisfactionDialog</name>
    <message>
        <source>Record satisfaction</source>
        <translation>만족도 기록</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Score (1 to 5):</source>
        <translation>점수(1~5)(&amp;S):</translation>
    </message>
</context>
<context>
    <name>ActionTextDialog</name>
    <message>
        <source>Case action</source>
        <translation>민원 처리</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>내용(&amp;T):</translation>
    </message>
</context>
<context>
    <name>ActionTransferDialog</name>
    <message>
        <source>Transfer</source>
        <translation>이송·이첩</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Transfer to:</source>
        <translation>이송 대상:</translation>
    </message>
    <message>
        <source>Another &amp;department</source>
        <translation>다른 부서(&amp;D)</translation>
    </message>
    <message>
        <source>Another &amp;agency</source>
        <translation>다른 기관(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;epartment:</source>
        <translation>부서(&amp;E):</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>기관(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>이송 사유(&amp;R):</translation>
    </message>
    <message>
        <source>Transfer due:</source>
        <translation>이송 기한:</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <source>Ending an abusive call</source>
        <translation>폭언 통화 종료</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>통화 기록</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>사유(&amp;R)</translation>
    </message>
    <message>
        <source>Reason for the warning</source>
        <translation>경고 사유</translation>
    </message>
    <message>
        <source>Record the warning announced</source>
        <translation>경고 안내 기록</translation>
    </message>
    <message>
        <source>Record the call ended</source>
        <translation>통화 종료 기록</translation>
    </message>
    <message>
        <source>Call log state</source>
        <translation>통화 기록 상태</translation>
    </message>
</context>
<context>
    <name>CallLogBox</name>
    <message>
        <source>The record could not be saved: %1</source>
        <translation>기록을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No call in progress.</source>
        <translation>진행 중인 통화가 없습니다.</translation>
    </message>
    <message>
        <source>Sign in to record warnings.</source>
        <translation>경고를 기록하려면 로그인하세요.</translation>
    </message>
    <message>
        <source>Before ending a call, announce the reason and record it here.</source>
        <translation>통화를 끝내기 전에 종료 사유를 안내하고 여기에 기록하세요.</translation>
    </message>
    <message>
        <source>Call ended after the warning (%1).</source>
        <translation>경고 후 통화 종료를 기록했습니다 (%1).</translation>
    </message>
    <message>
        <source>First warning recorded (%1). The call may now be ended.</source>
        <translation>1차 경고 안내를 기록했습니다 (%1). 이제 통화를 끝낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Second warning recorded (%1). The call may now be ended.</source>
        <translation>2차 경고 안내를 기록했습니다 (%1). 이제 통화를 끝낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Record second warning (F8)</source>
        <translation>2차 경고 안내 기록 (F8)</translation>
    </message>
    <message>
        <source>Record warning announced (F8)</source>
        <translation>경고 안내 기록 (F8)</translation>
    </message>
    <message>
        <source>Record call ended (Ctrl+F8)</source>
        <translation>통화 종료 기록 (Ctrl+F8)</translation>
    </message>
    <message>
        <source>Abuse or insults</source>
        <translation>폭언·욕설</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>협박</translation>
    </message>
    <message>
        <source>Far past the recommended length</source>
        <translation>권장 통화 시간 크게 초과</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>&amp;Route…</source>
        <translation>부서 배정(&amp;R)…</translation>
    </message>
    <message>
        <source>Assi&amp;gn…</source>
        <translation>담당자 지정(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>부서 접수(&amp;A)</translation>
    </message>
    <message>
        <source>Send &amp;back…</source>
        <translation>반송(&amp;B)…</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>반송</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>사유(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>이송·이첩(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>메모(&amp;N)…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Contact logged…</source>
        <translation>민원인 연락 기록(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Extend the deadline…</source>
        <translation>처리기간 연장(&amp;E)…</translation>
    </message>
    <message>
        <source>Ask for a &amp;supplement / stop the clock…</source>
        <translation>보완 요청·처리기간 정지(&amp;S)…</translation>
    </message>
    <message>
        <source>Res&amp;ume the clock…</source>
        <translation>처리기간 재개(&amp;U)…</translation>
    </message>
    <message>
        <source>Ans&amp;wer…</source>
        <translation>답변(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Decide the proposal…</source>
        <translation>채택 여부 결정(&amp;D)…</translation>
    </message>
    <message>
        <source>Re-re&amp;view…</source>
        <translation>재심사 요청(&amp;V)…</translation>
    </message>
    <message>
        <source>Re-review</source>
        <translation>재심사 요청</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>종결(&amp;L)…</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>재개(&amp;O)…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>민원 재개</translation>
    </message>
    <message>
        <source>Wit&amp;hdrawn…</source>
        <translation>취하(&amp;H)…</translation>
    </message>
    <message>
        <source>Withdrawn by the petitioner</source>
        <translation>민원인 취하</translation>
    </message>
    <message>
        <source>&amp;Why (optional):</source>
        <translation>사유(선택)(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Merge as a duplicate…</source>
        <translation>중복 민원 병합(&amp;M)…</translation>
    </message>
    <message>
        <source>Satis&amp;faction…</source>
        <translation>만족도(&amp;F)…</translation>
    </message>
    <message>
        <source>This change can no longer be made on the case as the server has it: discard it.</source>
        <translation>서버에 있는 현재 민원에는 이 처리를 할 수 없습니다. 버리기를 눌러 주세요.</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>기록했습니다: %1</translation>
    </message>
</context>
<context>
    <name>CaseAttachments</name>
    <message>
        <source>Fetches the file from the server and opens it</source>
        <translation>서버에서 파일을 받아 엽니다</translation>
    </message>
    <message>
        <source>Files are kept on the server: connect to the server to open them</source>
        <translation>첨부파일은 서버에 있습니다. 서버에 연결되어야 열 수 있습니다</translation>
    </message>
    <message>
        <source>Fetching %1 …</source>
        <translation>%1 받는 중…</translation>
    </message>
    <message>
        <source>The server could not be reached; try again in a moment.</source>
        <translation>서버에 연결할 수 없습니다. 잠시 뒤 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>첨부파일</translation>
    </message>
    <message>
        <source>Vie&amp;w file</source>
        <translation>파일 보기(&amp;W)</translation>
    </message>
</context>
<context>
    <name>CaseNotices</name>
    <message>
        <source>The server cannot be reached.</source>
        <translation>서버에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>No notice made: %1</source>
        <translation>통지서를 만들지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Notice not made</source>
        <translation>통지서를 만들지 않음</translation>
    </message>
    <message>
        <source>The notice was not made: it is addressed to the petitioner in full, which this desk holds masked and only the server gives (it records that you viewed them).</source>
        <translation>통지서를 만들지 않았습니다. 통지서에는 민원인의 이름과 주소를 그대로 적어야 하는데, 이 PC에는 가려진 정보만 있고 원문은 서버만 줄 수 있습니다 (서버가 열람을 기록합니다).</translation>
    </message>
    <message>
        <source>Connect to the server, then try again.</source>
        <translation>서버에 연결한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>다시 시도(&amp;T)</translation>
    </message>
    <message>
        <source>No notice made: it needs the server.</source>
        <translation>통지서를 만들지 않았습니다: 서버 연결이 필요합니다.</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>통지서 저장</translation>
    </message>
    <message>
        <source>Notice saved</source>
        <translation>통지서 저장됨</translation>
    </message>
    <message>
        <source>Not printed: the server refused this change, so its notice must be withdrawn.</source>
        <translation>인쇄하지 않았습니다: 서버가 이 변경을 거부했으므로 통지서를 회수해야 합니다.</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>인쇄하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message numerus="yes">
        <source>(extended %n time(s))</source>
        <translation>
            <numerusform>(%n회 연장)</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>처리 완료</translation>
    </message>
    <message>
        <source>Clock stopped</source>
        <translation>처리기간 정지 중</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 경과</translation>
    </message>
    <message>
        <source>Not routed</source>
        <translation>부서 미배정</translation>
    </message>
    <message>
        <source>Agreed to the use of personal data</source>
        <translation>개인정보 이용에 동의함</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>동의하지 않음</translation>
    </message>
    <message>
        <source>(not yet sent)</source>
        <translation>(미전송)</translation>
    </message>
    <message>
        <source>Selected case</source>
        <translation>선택한 민원</translation>
    </message>
    <message>
        <source>Select a case in the list to see it here.</source>
        <translation>목록에서 민원을 선택하면 여기에 내용이 표시됩니다.</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>접수번호</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>접수경로</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>접수일시</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>처리기한</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>처리부서</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Petitioner</source>
        <translation>민원인</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>회신 방법</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>발생 장소</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>개인정보 동의</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>민원 내용</translation>
    </message>
    <message>
        <source>History</source>
        <translation>처리 이력</translation>
    </message>
    <message>
        <source>History of the case</source>
        <translation>민원 처리 이력</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>By</source>
        <translation>처리자</translation>
    </message>
    <message numerus="yes">
        <source>answer NOT delivered by %1 after %n attempt(s) (%2): contact the citizen</source>
        <translation>
            <numerusform>%1(으)로 답변 전달 실패, %n회 시도 (%2): 민원인에게 직접 연락하세요</numerusform>
        </translation>
    </message>
    <message>
        <source>answer delivered by %1 (%2)</source>
        <translation>%1(으)로 답변 전달됨 (%2)</translation>
    </message>
    <message>
        <source>Asks the server for the petitioner&apos;s details; the server records that you viewed them.</source>
        <translation>서버에 민원인 정보 전체를 요청합니다. 열람 기록이 서버에 남습니다.</translation>
    </message>
    <message>
        <source>Needs the connection to the server, which records every view of personal details.</source>
        <translation>서버에 연결되어 있어야 합니다. 개인정보 열람은 모두 서버에 기록됩니다.</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again when connected.</source>
        <translation>서버에 연결할 수 없습니다. 연결되면 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>다른 처리</translation>
    </message>
    <message>
        <source>The other changes this case allows (also in the Case menu)</source>
        <translation>이 민원에 할 수 있는 다른 처리 (민원 메뉴에도 있습니다)</translation>
    </message>
    <message>
        <source>%1 of %2 was refused: %3</source>
        <translation>%2의 &apos;%1&apos; 처리가 거부되었습니다: %3</translation>
    </message>
    <message>
        <source>&amp;Redo on the server&apos;s case</source>
        <translation>서버 기준으로 다시 하기(&amp;R)</translation>
    </message>
    <message>
        <source>Make the change again as a new one, against the case as the server has it now.</source>
        <translation>서버에 있는 현재 민원을 기준으로 새 처리로 다시 합니다.</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>버리기(&amp;I)</translation>
    </message>
    <message>
        <source>Leave the change out; it stays in this desk&apos;s history.</source>
        <translation>이 처리는 반영하지 않습니다. 이 PC의 이력에는 남습니다.</translation>
    </message>
    <message>
        <source>Its notice was printed on %1</source>
        <translation>이 변경의 통지서를 %1에 인쇄했습니다</translation>
    </message>
    <message>
        <source>Its notice was saved on %1</source>
        <translation>이 변경의 통지서를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>%1: it states a change the server refused, so it must be withdrawn from the petitioner.</source>
        <translation>%1. 서버가 거부한 변경을 알리는 통지서이므로 민원인에게서 회수해야 합니다(효력 없음 안내).</translation>
    </message>
    <message>
        <source>The server sent no copy of the case.</source>
        <translation>서버가 민원의 현재 상태를 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>기한 %1</translation>
    </message>
    <message>
        <source>The server has now: %1</source>
        <translation>서버의 현재 상태: %1</translation>
    </message>
    <message>
        <source>What can be done with this case</source>
        <translation>이 민원에 할 수 있는 처리</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>서버가 거부한 처리</translation>
    </message>
    <message>
        <source>Show in &amp;full</source>
        <translation>원문 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the petitioner&apos;s details in full</source>
        <translation>민원인 정보 원문 보기</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>Another office&apos;s cooperation is needed</source>
        <translation>다른 기관·부서의 협조 필요</translation>
    </message>
    <message>
        <source>Facts or the site must be checked</source>
        <translation>사실·현장 확인 필요</translation>
    </message>
    <message>
        <source>Force majeure</source>
        <translation>천재지변 등 부득이한 사유</translation>
    </message>
    <message>
        <source>An equivalent reason</source>
        <translation>이에 준하는 사유</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>보완 요청</translation>
    </message>
    <message>
        <source>Site inspection</source>
        <translation>현장조사</translation>
    </message>
    <message>
        <source>System outage</source>
        <translation>시스템장애</translation>
    </message>
    <message>
        <source>Outside opinion</source>
        <translation>외부의견</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>수용</translation>
    </message>
    <message>
        <source>Partly accepted</source>
        <translation>일부 수용</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>불수용(거부)</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>설명·안내</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>답변 완료</translation>
    </message>
    <message>
        <source>Repeated complaint</source>
        <translation>반복민원</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>결정 완료</translation>
    </message>
    <message>
        <source>No response from the petitioner</source>
        <translation>민원인 무응답</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>문자</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>전자우편</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>우편</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>채택</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>불채택</translation>
    </message>
    <message>
        <source>The receipt number could not be texted to the citizen</source>
        <translation>접수번호 안내 문자를 민원인에게 보내지 못함</translation>
    </message>
    <message>
        <source>transfer due %1</source>
        <translation>이송 기한 %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>new due date %1</source>
        <translation>새 처리기한 %1</translation>
    </message>
    <message>
        <source>with the petitioner&apos;s consent</source>
        <translation>민원인 동의</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>처리 결과: %1</translation>
    </message>
    <message>
        <source>told by %1</source>
        <translation>통지: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>방법: %1</translation>
    </message>
    <message>
        <source>to be carried out from %1</source>
        <translation>시행 예정일 %1</translation>
    </message>
    <message>
        <source>into %1</source>
        <translation>병합 대상 %1</translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation>%1회 시도 후</translation>
    </message>
    <message>
        <source>score %1 of 5</source>
        <translation>%1점 / 5점</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>거부 사유: %1</translation>
    </message>
    <message>
        <source>Remedies: %1</source>
        <translation>구제 절차: %1</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>방문</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>인터넷</translation>
    </message>
    <message>
        <source>Open311</source>
        <translation>Open311</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>텔레그램</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>라인</translation>
    </message>
    <message>
        <source>KakaoTalk</source>
        <translation>카카오톡</translation>
    </message>
    <message>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>우편</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>Changes not sent yet</source>
        <translation>보내지 않은 변경</translation>
    </message>
    <message>
        <source>%1 changes have not reached the server yet.</source>
        <translation>아직 서버에 보내지 않은 변경이 %1건 있습니다.</translation>
    </message>
    <message>
        <source>They stay on this workstation and are sent the next time it is connected.</source>
        <translation>변경은 이 단말에 그대로 남아 있다가, 다음에 서버에 연결되면 보냅니다.</translation>
    </message>
    <message>
        <source>Close and keep them</source>
        <translation>보관하고 닫기</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>Received</source>
        <translation>접수</translation>
    </message>
    <message>
        <source>Routed to a department</source>
        <translation>부서 배정</translation>
    </message>
    <message>
        <source>Officer assigned</source>
        <translation>담당자 지정</translation>
    </message>
    <message>
        <source>Accepted by the department</source>
        <translation>부서 접수</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>반송</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>이송·이첩</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Petitioner contacted</source>
        <translation>민원인 연락</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>처리기간 연장</translation>
    </message>
    <message>
        <source>Clock stopped</source>
        <translation>처리기간 정지</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>처리기간 재개</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Proposal decided</source>
        <translation>제안 심사 결과</translation>
    </message>
    <message>
        <source>Re-review requested</source>
        <translation>재심사 요청</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>취하</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>접수증 출력</translation>
    </message>
    <message>
        <source>Receipt voided</source>
        <translation>접수증 무효</translation>
    </message>
    <message>
        <source>Progress notified</source>
        <translation>진행상황 통지</translation>
    </message>
    <message>
        <source>Satisfaction recorded</source>
        <translation>만족도 기록</translation>
    </message>
    <message>
        <source>Personal details viewed</source>
        <translation>개인정보 열람</translation>
    </message>
    <message>
        <source>Deadline set by the server</source>
        <translation>처리기한 확정</translation>
    </message>
    <message>
        <source>Answer delivered to the citizen</source>
        <translation>답변 전달 완료</translation>
    </message>
    <message>
        <source>Answer could not be delivered</source>
        <translation>답변 전달 실패</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source> hour(s)</source>
        <translation>시간</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation>일</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation>개월</translation>
    </message>
    <message>
        <source>New due date (extension %1 of 2):</source>
        <translation>새 처리기한 (%1차 연장 / 최대 2회):</translation>
    </message>
</context>
<context>
    <name>IntakeActions</name>
    <message>
        <source>&amp;Phone intake</source>
        <translation>전화 접수(&amp;P)</translation>
    </message>
    <message>
        <source>Take a complaint by phone (F2)</source>
        <translation>전화로 민원 접수 (F2)</translation>
    </message>
    <message>
        <source>C&amp;ounter intake</source>
        <translation>창구 접수(&amp;O)</translation>
    </message>
    <message>
        <source>Take a complaint at the counter and print its receipt (F3)</source>
        <translation>창구에서 민원을 접수하고 접수증 출력 (F3)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>(none)</source>
        <translation>(선택 안 함)</translation>
    </message>
    <message>
        <source>(keep at the centre)</source>
        <translation>(센터에서 처리)</translation>
    </message>
    <message>
        <source>Nobody is signed in at this desk: the intake cannot be saved.</source>
        <translation>이 자리에 로그인한 사용자가 없어 접수를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>The intake could not be saved: %1</source>
        <translation>접수를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter or Ctrl+S)</source>
        <translation>저장 (Ctrl+Enter 또는 Ctrl+S)</translation>
    </message>
    <message>
        <source>Clear the form (Esc)</source>
        <translation>입력 지우기 (Esc)</translation>
    </message>
    <message>
        <source>Enter: accept the suggested department · Ctrl+Enter: save · Esc: clear</source>
        <translation>Enter 추천 부서 · Ctrl+Enter 저장 · Esc 지우기</translation>
    </message>
    <message>
        <source>Phone intake (F2)</source>
        <translation>전화 접수 (F2)</translation>
    </message>
    <message>
        <source>Counter intake (F3)</source>
        <translation>창구 접수 (F3)</translation>
    </message>
    <message>
        <source>No department suggested yet: type the title and content.</source>
        <translation>추천 부서 없음: 제목과 내용을 입력하세요.</translation>
    </message>
    <message>
        <source>Suggested: %1 — Enter to accept</source>
        <translation>추천 부서: %1 — Enter로 선택</translation>
    </message>
    <message>
        <source>also %1</source>
        <translation>그 밖에 %1</translation>
    </message>
    <message>
        <source>Receipt number — read it out to the caller</source>
        <translation>접수번호 — 민원인에게 불러 주세요</translation>
    </message>
    <message>
        <source>The receipt number appears here when the intake is saved.</source>
        <translation>접수를 저장하면 여기에 접수번호가 표시됩니다.</translation>
    </message>
    <message>
        <source>Earlier cases of this caller: type the number first.</source>
        <translation>이 민원인의 이전 민원: 먼저 전화번호를 입력하세요.</translation>
    </message>
    <message>
        <source>No earlier cases from %1.</source>
        <translation>%1 번호로 접수된 이전 민원이 없습니다.</translation>
    </message>
    <message>
        <source>Earlier cases from %1: %2</source>
        <translation>%1 번호의 이전 민원: %2건</translation>
    </message>
    <message>
        <source>Likely duplicates (last 14 days): %1</source>
        <translation>중복 가능성 (최근 14일): %1건</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>접수번호</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>접수일시</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>민원 접수</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>전화번호(&amp;P)</translation>
    </message>
    <message>
        <source>Caller&apos;s phone number</source>
        <translation>민원인 전화번호</translation>
    </message>
    <message>
        <source>010-1234-5678</source>
        <translation>010-1234-5678</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>Petitioner&apos;s name</source>
        <translation>민원인 이름</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>종류(&amp;K)</translation>
    </message>
    <message>
        <source>Kind of complaint</source>
        <translation>민원 종류</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>분류(&amp;G)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>제목(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;ontent</source>
        <translation>내용(&amp;O)</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>발생 장소(&amp;L)</translation>
    </message>
    <message>
        <source>Place of the matter</source>
        <translation>민원 발생 장소</translation>
    </message>
    <message>
        <source>Where it happens: a street, a building</source>
        <translation>민원이 생긴 곳: 도로, 건물 등</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>주소(&amp;D)</translation>
    </message>
    <message>
        <source>Petitioner&apos;s address</source>
        <translation>민원인 주소</translation>
    </message>
    <message>
        <source>&amp;Reply by</source>
        <translation>회신 방법(&amp;R)</translation>
    </message>
    <message>
        <source>How they want the answer</source>
        <translation>답변 받을 방법</translation>
    </message>
    <message>
        <source>Depart&amp;ment</source>
        <translation>처리 부서(&amp;M)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>처리 부서</translation>
    </message>
    <message>
        <source>The petitioner &amp;agrees to the use of their personal data for this case</source>
        <translation>민원인이 이 민원 처리를 위한 개인정보 이용에 동의함(&amp;A)</translation>
    </message>
    <message>
        <source>Several petitioners (the petitioner above is their representative)</source>
        <translation>다수인 민원 (위 민원인이 대표자)</translation>
    </message>
    <message>
        <source>Filed by &amp;several people</source>
        <translation>여러 사람이 함께 신청(&amp;S)</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>연명자 수</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>세대 수</translation>
    </message>
    <message>
        <source>Answer at once</source>
        <translation>즉시 답변</translation>
    </message>
    <message>
        <source>Answer given at once</source>
        <translation>즉시 답변 내용</translation>
    </message>
    <message>
        <source>The answer given to the caller now (a simple complaint is answered and closed here)</source>
        <translation>지금 민원인에게 안내한 답변 (기타민원은 여기서 답변하고 종결합니다)</translation>
    </message>
    <message>
        <source>Close the case with this answer</source>
        <translation>이 답변으로 종결</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>접수번호</translation>
    </message>
    <message>
        <source>Caller&apos;s earlier cases</source>
        <translation>민원인의 이전 민원</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>중복 가능성 있는 민원</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Statutory application</source>
        <translation>법정민원</translation>
    </message>
    <message>
        <source>Inquiry (law)</source>
        <translation>질의민원(법령)</translation>
    </message>
    <message>
        <source>Inquiry (procedure)</source>
        <translation>질의민원(제도·절차)</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>건의민원</translation>
    </message>
    <message>
        <source>Other (simple)</source>
        <translation>기타민원</translation>
    </message>
    <message>
        <source>Grievance</source>
        <translation>고충민원</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>국민제안</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>이 열로는 정렬할 수 없습니다.</translation>
    </message>
    <message>
        <source>Search results are listed newest first or oldest first only.</source>
        <translation>검색 결과는 접수일시 순으로만 정렬할 수 있습니다.</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>세는 중…</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1건</translation>
    </message>
    <message>
        <source>%1+ cases</source>
        <translation>%1건 이상</translation>
    </message>
    <message>
        <source>Could not read the local store: %1</source>
        <translation>로컬 저장소를 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Complaints Desk</source>
        <translation>민원데스크</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>민원(&amp;C)</translation>
    </message>
    <message>
        <source>(no one is signed in at this desk)</source>
        <translation>(이 자리에 로그인한 사용자가 없습니다)</translation>
    </message>
    <message>
        <source>Local store: opening…</source>
        <translation>로컬 저장소: 여는 중…</translation>
    </message>
    <message>
        <source>Local store: %1 cases</source>
        <translation>로컬 저장소: 민원 %1건</translation>
    </message>
    <message>
        <source>last change %1</source>
        <translation>마지막 변경 %1</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>민원함</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>내 민원</translation>
    </message>
    <message>
        <source>My department</source>
        <translation>우리 부서</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>To register</source>
        <translation>등록 대기</translation>
    </message>
    <message>
        <source>Due within a day</source>
        <translation>1일 내 기한</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <source>Rejected in sync</source>
        <translation>동기화 거부</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>민원 검색</translation>
    </message>
    <message>
        <source>Title, text, name or phone (Ctrl+F)</source>
        <translation>제목, 내용, 이름, 전화번호 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cases in this queue</source>
        <translation>이 민원함의 민원 목록</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>민원함(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>PhoneCallsDock</name>
    <message>
        <source>Phone calls</source>
        <translation>전화 통화</translation>
    </message>
    <message>
        <source>&amp;Phone calls</source>
        <translation>전화 통화(&amp;P)</translation>
    </message>
    <message>
        <source>The calls the telephone system reports (F9)</source>
        <translation>전화 교환기가 알려 온 통화 (F9)</translation>
    </message>
</context>
<context>
    <name>PhoneCallsPanel</name>
    <message>
        <source>Ringing</source>
        <translation>수신 중</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>통화 중</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>부재중</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>통화 종료</translation>
    </message>
    <message>
        <source>Number withheld</source>
        <translation>발신번호 표시 제한</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s), newest %1 %2</source>
        <translation>
            <numerusform>%n건, 최근 %1 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone calls</source>
        <translation>전화 통화</translation>
    </message>
    <message>
        <source>Calls the telephone system reports: double-click (or Enter) to take the caller&apos;s complaint.</source>
        <translation>전화 교환기가 알려 온 통화입니다. 두 번 누르거나 Enter를 누르면 그 번호로 전화 접수를 엽니다.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>발신 번호</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>Earlier cases</source>
        <translation>이전 민원</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Click to sort by this column</source>
        <translation>누르면 이 열로 정렬합니다</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>접수번호</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>접수일시</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>접수경로</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>부서</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Petitioner</source>
        <translation>민원인</translation>
    </message>
    <message>
        <source>Not routed</source>
        <translation>미배정</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 경과</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>접수증을 PDF로 저장</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>감열지 80mm</translation>
    </message>
    <message>
        <source>Pap&amp;er</source>
        <translation>용지(&amp;E)</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>인쇄(&amp;I)…</translation>
    </message>
    <message>
        <source>Print the receipt (Ctrl+P)</source>
        <translation>접수증 인쇄 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Sa&amp;ve as PDF…</source>
        <translation>PDF로 저장(&amp;V)…</translation>
    </message>
    <message>
        <source>The receipt of the case just saved appears here.</source>
        <translation>방금 저장한 민원의 접수증이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Receipt %1 — reprint (printed %2 time(s) before)</source>
        <translation>접수증 %1 — 재발급 (이전 출력 %2회)</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>접수증 %1</translation>
    </message>
</context>
<context>
    <name>RejectedChangesDialog</name>
    <message>
        <source>Printed: withdraw it</source>
        <translation>인쇄함: 회수 필요</translation>
    </message>
    <message>
        <source>Saved: withdraw it</source>
        <translation>저장함: 회수 필요</translation>
    </message>
    <message>
        <source>Rejected changes</source>
        <translation>거부된 변경</translation>
    </message>
    <message>
        <source>The server refused these changes. Open a case to see what the server has and redo or discard the change.</source>
        <translation>서버가 아래 변경을 받아들이지 않았습니다. 민원을 열어 서버의 내용을 확인하고 변경을 다시 하거나 버리세요.</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>접수번호</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>서버가 밝힌 사유</translation>
    </message>
    <message>
        <source>Rejected at</source>
        <translation>거부 시각</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>통지서</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>민원 열기(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Reply</name>
    <message>
        <source>Text message (SMS)</source>
        <translation>문자(SMS)</translation>
    </message>
    <message>
        <source>KakaoTalk notification (알림톡)</source>
        <translation>카카오 알림톡</translation>
    </message>
    <message>
        <source>No answer wanted</source>
        <translation>답변 원하지 않음</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Facebook/Instagram</source>
        <translation>페이스북·인스타그램</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Cases received in the period, by the day of receipt.</source>
        <translation>기간 안에 접수된 민원 (접수일 기준)</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>전체 부서</translation>
    </message>
    <message>
        <source>This role exports petitioners masked.</source>
        <translation>이 권한으로는 민원인 정보를 가려서 내보냅니다.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Make:</source>
        <translation>만들 것:</translation>
    </message>
    <message>
        <source>&amp;Summary (PDF)</source>
        <translation>처리 현황 요약(PDF)(&amp;S)</translation>
    </message>
    <message>
        <source>Case list (&amp;CSV)</source>
        <translation>민원 목록(CSV)(&amp;C)</translation>
    </message>
    <message>
        <source>Case list (&amp;XLSX)</source>
        <translation>민원 목록(XLSX)(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>시작일(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To (included):</source>
        <translation>종료일(포함)(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>부서(&amp;D):</translation>
    </message>
    <message>
        <source>Petitioners in f&amp;ull (not masked)</source>
        <translation>민원인 정보를 가리지 않음(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <source>&amp;Reports</source>
        <translation>보고서(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Summary and case list…</source>
        <translation>처리 현황 요약·민원 목록(&amp;S)…</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>보고서를 만드는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>Saved %1 (%2 cases)</source>
        <translation>%1에 저장했습니다 (%2건)</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>취소했습니다. 파일을 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>보고서를 만들지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>보고서 저장됨</translation>
    </message>
    <message numerus="yes">
        <source>Printed %1 (%n page(s))</source>
        <translation>
            <numerusform>%1 인쇄함 (%n쪽)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be started.</source>
        <translation>인쇄하지 못했습니다. 프린터를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>인쇄하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Call-centre agent</source>
        <translation>상담원</translation>
    </message>
    <message>
        <source>Counter clerk</source>
        <translation>민원실 창구</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>담당 공무원</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>팀장/센터장</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
</context>
<context>
    <name>SavedFileBox</name>
    <message>
        <source>Saved %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>인쇄(&amp;P)…</translation>
    </message>
    <message>
        <source>Print it here, through the print dialog</source>
        <translation>인쇄 대화상자를 거쳐 여기서 인쇄합니다</translation>
    </message>
    <message>
        <source>Print it now, or open it to read it.</source>
        <translation>지금 인쇄하거나, 열어서 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>Open it in the program this computer has for it (and print from there).</source>
        <translation>이 컴퓨터에서 이 파일을 여는 프로그램으로 열 수 있습니다 (인쇄도 그 프로그램에서 합니다).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
</context>
<context>
    <name>SignInDesk</name>
    <message>
        <source>This workstation is now enrolled as counter %1.</source>
        <translation>이 단말을 창구 %1(으)로 등록했습니다.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled: a supervisor must sign in on it once before intakes.</source>
        <translation>등록되지 않은 단말입니다. 접수하려면 먼저 팀장/센터장이나 관리자가 이 단말에서 한 번 로그인해야 합니다.</translation>
    </message>
    <message>
        <source>Signed in offline: your changes are kept here and sent once the server answers.</source>
        <translation>오프라인으로 로그인했습니다. 변경은 이 단말에 보관했다가 서버가 응답하면 보냅니다.</translation>
    </message>
    <message>
        <source>%1 signed out: their %2 waiting changes are sent with their own sign-in.</source>
        <translation>%1님이 로그아웃했습니다. 남은 변경 %2건은 %1님의 인증으로 보냅니다.</translation>
    </message>
    <message>
        <source>%1 signed out.</source>
        <translation>%1님이 로그아웃했습니다.</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>계정(&amp;A)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>사용자 전환(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Type the server&apos;s address, e.g. http://127.0.0.1:8470</source>
        <translation>서버 주소를 입력하세요. 예: http://127.0.0.1:8470</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>아이디를 입력하세요.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>로그인하는 중…</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>로그인하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>로그인(&amp;I)</translation>
    </message>
    <message>
        <source>The embedded demo server&apos;s accounts share one password: %1. Click one to fill it in.</source>
        <translation>내장 데모 서버의 계정은 모두 비밀번호가 %1입니다. 계정을 누르면 채워집니다.</translation>
    </message>
    <message>
        <source>Demo keyring: this machine has no keyring of its own, so the sign-in tokens are kept in a keyring started for this client (its password is in your data folder, readable only by you).</source>
        <translation>데모 키링: 이 컴퓨터에는 자격 증명 저장소(키링)가 없어, 로그인 토큰을 이 클라이언트용으로 띄운 키링에 보관합니다(키링 비밀번호는 데이터 폴더에 본인만 읽을 수 있게 있습니다).</translation>
    </message>
    <message>
        <source>This workstation is counter %1.</source>
        <translation>이 단말은 창구 %1입니다.</translation>
    </message>
    <message>
        <source>A new workstation is enrolled by a supervisor or an administrator signing in on it once; after that anyone can sign in, also offline once they have signed in here before.</source>
        <translation>새 단말은 팀장/센터장이나 관리자가 한 번 로그인하면 등록됩니다. 그다음부터는 누구나 로그인할 수 있고, 이 단말에서 로그인한 적이 있으면 오프라인에서도 됩니다.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Complaints Desk</source>
        <translation>민원데스크</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>서버(&amp;S)</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>아이디(&amp;U)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>비밀번호(&amp;P)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>데모 계정</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Received</source>
        <translation>접수</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>부서배정</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>처리중</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>반송</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>답변완료</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>취하</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>타기관이송</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>심사중</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>채택</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>불채택</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not signed in</source>
        <translation>로그인 전</translation>
    </message>
    <message>
        <source>counter %1</source>
        <translation>창구 %1</translation>
    </message>
    <message>
        <source>workstation not enrolled</source>
        <translation>단말 미등록</translation>
    </message>
    <message>
        <source>unlocked offline</source>
        <translation>오프라인으로 잠금 해제</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>마지막 동기화 %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>동기화한 적 없음</translation>
    </message>
    <message>
        <source>%1 rejected changes</source>
        <translation>거부된 변경 %1건</translation>
    </message>
    <message>
        <source>Show the changes the server refused, with its reasons</source>
        <translation>서버가 거부한 변경과 그 사유 보기</translation>
    </message>
    <message>
        <source>demo keyring</source>
        <translation>데모 키링</translation>
    </message>
    <message>
        <source>No keyring answered on this machine: tokens are kept in a demo keyring started for this client.</source>
        <translation>이 컴퓨터에 응답하는 키링이 없어, 토큰을 이 클라이언트용으로 띄운 데모 키링에 보관합니다.</translation>
    </message>
    <message>
        <source>nothing waiting to be sent</source>
        <translation>보낼 변경 없음</translation>
    </message>
    <message>
        <source>%1 changes waiting to be sent</source>
        <translation>보낼 변경 %1건</translation>
    </message>
    <message>
        <source>%1&apos;s %2</source>
        <translation>%1님 %2건</translation>
    </message>
    <message>
        <source>Changes of someone who signed out are sent with their own sign-in; they hold up nobody else&apos;s.</source>
        <translation>로그아웃한 직원의 변경은 그 직원의 인증으로 보내며, 다른 사람의 변경을 막지 않습니다.</translation>
    </message>
    <message>
        <source>%1&apos;s %2 after signing in again</source>
        <translation>%1님 %2건은 다시 로그인한 뒤에</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>동기화 중</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1건 받음</translation>
    </message>
    <message>
        <source>building the search indexes</source>
        <translation>검색 색인 만드는 중</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>Offline: retrying by itself</source>
        <translation>오프라인 · 자동 재연결 중</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>동기화하려면 다시 로그인하세요</translation>
    </message>
    <message>
        <source>Sync problem: retrying</source>
        <translation>동기화 문제 · 다시 시도합니다</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결 전</translation>
    </message>
</context>
</TS>
