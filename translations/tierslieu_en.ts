<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BasketTab</name>
    <message numerus="yes">
        <source>{name} — %Ln usages, {amount} (last: {day})</source>
        <translation>
            <numerusform>{name} — %Ln usage, {amount} (last: {day})</numerusform>
            <numerusform>{name} — %Ln usages, {amount} (last: {day})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message numerus="yes">
        <source>%Ln cheques checked: {amount}</source>
        <translation>
            <numerusform>%Ln cheque checked: {amount}</numerusform>
            <numerusform>%Ln cheques checked: {amount}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepositsTab</name>
    <message numerus="yes">
        <source>Waiting: %Ln cheques, {cheques} · cash in the till: {cash}</source>
        <translation>
            <numerusform>Waiting: %Ln cheque, {cheques} · cash in the till: {cash}</numerusform>
            <numerusform>Waiting: %Ln cheques, {cheques} · cash in the till: {cash}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportsTab</name>
    <message numerus="yes">
        <source>Refunds exceed the payments on %Ln days: the flux takes no negative amount, tell your platform.</source>
        <translation>
            <numerusform>Refunds exceed the payments on %Ln day: the flux takes no negative amount, tell your platform.</numerusform>
            <numerusform>Refunds exceed the payments on %Ln days: the flux takes no negative amount, tell your platform.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows exported to {path}.</source>
        <translation>
            <numerusform>%Ln row exported to {path}.</numerusform>
            <numerusform>%Ln rows exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>%Ln refused lines block the import: correct the file, or tick “Skip the refused lines” to import the others.</source>
        <translation>
            <numerusform>%Ln refused line blocks the import: correct the file, or tick “Skip the refused lines” to import the others.</numerusform>
            <numerusform>%Ln refused lines block the import: correct the file, or tick “Skip the refused lines” to import the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused lines are left out.</source>
        <translation>
            <numerusform>%Ln refused line is left out.</numerusform>
            <numerusform>%Ln refused lines are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>(%Ln other problems)</source>
        <translation>
            <numerusform>(%Ln other problem)</numerusform>
            <numerusform>(%Ln other problems)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthlyTab</name>
    <message numerus="yes">
        <source>%Ln members, {amount}</source>
        <translation>
            <numerusform>%Ln member, {amount}</numerusform>
            <numerusform>%Ln members, {amount}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issue %Ln invoices for {month}? Issued invoices cannot be changed.</source>
        <translation>
            <numerusform>Issue %Ln invoice for {month}? Issued invoices cannot be changed.</numerusform>
            <numerusform>Issue %Ln invoices for {month}? Issued invoices cannot be changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoices issued.</source>
        <translation>
            <numerusform>%Ln invoice issued.</numerusform>
            <numerusform>%Ln invoices issued.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members skipped.</source>
        <translation>
            <numerusform>%Ln member skipped.</numerusform>
            <numerusform>%Ln members skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message numerus="yes">
        <source>%Ln invoices and credit notes keep the buyer as issued (kept 10 years).</source>
        <translation>
            <numerusform>%Ln invoice or credit note keeps the buyer as issued (kept 10 years).</numerusform>
            <numerusform>%Ln invoices and credit notes keep the buyer as issued (kept 10 years).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonalDataTab</name>
    <message numerus="yes">
        <source>%Ln members without activity;</source>
        <translation>
            <numerusform>%Ln member without activity;</numerusform>
            <numerusform>%Ln members without activity;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln can be anonymised.</source>
        <translation>
            <numerusform>%Ln member can be anonymised.</numerusform>
            <numerusform>%Ln members can be anonymised.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymise these %Ln members? This cannot be undone: their names, contact details, notes and consents are erased; their invoices stay.</source>
        <translation>
            <numerusform>Anonymise this member? This cannot be undone: their name, contact details, notes and consents are erased; their invoices stay.</numerusform>
            <numerusform>Anonymise these %Ln members? This cannot be undone: their names, contact details, notes and consents are erased; their invoices stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymise %Ln members</source>
        <translation>
            <numerusform>Anonymise %Ln member</numerusform>
            <numerusform>Anonymise %Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymising %Ln members…</source>
        <translation>
            <numerusform>Anonymising %Ln member…</numerusform>
            <numerusform>Anonymising %Ln members…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members anonymised.</source>
        <translation>
            <numerusform>%Ln member anonymised.</numerusform>
            <numerusform>%Ln members anonymised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StructureTab</name>
    <message numerus="yes">
        <source> business days</source>
        <translation>
            <numerusform> business day</numerusform>
            <numerusform> business days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnpaidTab</name>
    <message numerus="yes">
        <source>%Ln unpaid, {amount} to collect</source>
        <translation>
            <numerusform>%Ln unpaid invoice, {amount} to collect</numerusform>
            <numerusform>%Ln unpaid invoices, {amount} to collect</numerusform>
        </translation>
    </message>
</context>
</TS>
