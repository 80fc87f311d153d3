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
    <message>
        <source>No notice made: %1</source>
        <translation>통지서를 만들지 못했습니다: %1</translation>
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
        <source>Saved %1. Open it to read or print?</source>
        <translation>%1에 저장했습니다. 열어서 보거나 인쇄할까요?</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
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
        <source>(not yet sent)</source>
        <translation>(미전송)</translation>
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
        <source>Selected case</source>
        <translation>선택한 민원</translation>
    </message>
    <message>
        <source>Select a case in the list to see it here.</source>
        <translation>목록에서 민원을 선택하면 여기에 내용이 표시됩니다.</translation>
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
        <source>Show in &amp;full</source>
        <translation>원문 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the petitioner&apos;s details in full</source>
        <translation>민원인 정보 원문 보기</translation>
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
    <message>
        <source>Saved %1. Open it to read or print?</source>
        <translation>%1에 저장했습니다. 열어서 보거나 인쇄할까요?</translation>
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
</TS>
